module TopModule(input clk, input reset, input load, input en, input up, input [7:0] d,
                 output reg [7:0] q);
  always @(posedge clk) begin
    if (reset) q <= 8'd0;
    else if (en) begin
      if (load)    q <= d;
      else if (up) q <= q + 8'd1;
      else         q <= q - 8'd1;
    end
  end
endmodule
