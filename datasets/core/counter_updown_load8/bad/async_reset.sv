module TopModule(input clk, input reset, input load, input en, input up, input [7:0] d,
                 output reg [7:0] q);
  always @(posedge clk or posedge reset) begin
    if (reset)      q <= 8'd0;
    else if (load)  q <= d;
    else if (en)    q <= up ? q + 8'd1 : q - 8'd1;
  end
endmodule
