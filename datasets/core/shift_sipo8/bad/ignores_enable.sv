module TopModule(input clk, input reset, input en, input sin, output reg [7:0] q);
  always @(posedge clk) begin
    if (reset) q <= 8'h00;
    else       q <= {q[6:0], sin};
  end
endmodule
