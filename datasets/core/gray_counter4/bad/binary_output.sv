module TopModule(input clk, input reset, input en, output reg [3:0] g);
  always @(posedge clk) begin
    if (reset)   g <= 4'd0;
    else if (en) g <= g + 4'd1;
  end
endmodule
